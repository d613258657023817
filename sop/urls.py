from django.urls import path

from sop import views

app_name = "sop"

urlpatterns = [
    # Readers: the public (SOPs marked public) and every staff member.
    path("", views.publik_list, name="publik_list"),
    path("<int:pk>/", views.sop_detail, name="sop_detail"),
    path("<int:pk>/banding/", views.versi_banding, name="versi_banding"),
    path("versi/<int:pk>/", views.versi_detail, name="versi_detail"),
    path("versi/<int:pk>/pdf/", views.versi_pdf, name="versi_pdf"),
    path("versi/<int:pk>/berkas/", views.versi_berkas, name="versi_berkas"),
    # Staff.
    path("daftar/", views.sop_list, name="sop_list"),
    path("antrean/", views.antrean, name="antrean"),
    path("cakupan/", views.cakupan, name="cakupan"),
    path("tinjauan/", views.tinjauan_list, name="tinjauan_list"),
    path("baru/", views.sop_create, name="sop_create"),
    path("<int:pk>/ubah/", views.sop_update, name="sop_update"),
    path("<int:pk>/tinjau/", views.sop_tinjau, name="sop_tinjau"),
    path("<int:pk>/versi/baru/", views.versi_create, name="versi_create"),
    path("versi/<int:pk>/ubah/", views.versi_update, name="versi_update"),
    path("versi/<int:pk>/ajukan/", views.versi_ajukan, name="versi_ajukan"),
    path("versi/<int:pk>/teruskan/", views.versi_teruskan, name="versi_teruskan"),
    path("versi/<int:pk>/kembalikan/", views.versi_kembalikan, name="versi_kembalikan"),
    path("versi/<int:pk>/setujui/", views.versi_setujui, name="versi_setujui"),
    path("versi/<int:pk>/batalkan/", views.versi_batalkan, name="versi_batalkan"),
]
