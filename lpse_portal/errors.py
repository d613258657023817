"""Error pages in Indonesian. 500 renders without context processors: the database may be down."""

from django.http import HttpResponseServerError
from django.template import loader
from django.views import defaults


def bad_request(request, exception):
    return defaults.bad_request(request, exception, template_name="400.html")


def permission_denied(request, exception):
    return defaults.permission_denied(request, exception, template_name="403.html")


def page_not_found(request, exception):
    return defaults.page_not_found(request, exception, template_name="404.html")


def server_error(request):
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({}))
