"""Personal-data access audit (UU 27/2022): every view of an identity detail, document
download and export writes one row. The table refuses UPDATE and DELETE on PostgreSQL."""

from django.contrib.contenttypes.models import ContentType

from lpse_portal.akses import client_ip
from lpse_portal.models import AksesDataPribadi


def catat_akses(request, *, jenis: str, objek=None, label: str = "") -> AksesDataPribadi:
    user = request.user if request.user.is_authenticated else None
    return AksesDataPribadi.objects.create(
        pengguna=user,
        jenis=jenis,
        content_type=ContentType.objects.get_for_model(objek) if objek is not None else None,
        object_id=objek.pk if objek is not None else None,
        objek=(label or str(objek))[:250],
        ip=client_ip(request),
    )
