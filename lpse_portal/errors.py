"""Error pages in Indonesian. 500 renders without context processors: the database may be down."""

import sys

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views import defaults


def bad_request(request, exception):
    return defaults.bad_request(request, exception, template_name="400.html")


def permission_denied(request, exception):
    return defaults.permission_denied(request, exception, template_name="403.html")


def page_not_found(request, exception):
    return defaults.page_not_found(request, exception, template_name="404.html")


def server_error(request):
    # A lost database (PostgreSQL restarting) is an outage, not a bug: 503 with Retry-After,
    # so clients and the load balancer come back, and no traceback on the page.
    galat = sys.exc_info()[1]
    if isinstance(galat, OperationalError | InterfaceError):
        response = HttpResponse(loader.get_template("503.html").render({}), status=503)
        response["Retry-After"] = "30"
        return response
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({}))
