"""Views of layanan, one module per topic; thin: permission, scope, form, service, render."""
