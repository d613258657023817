app_name = "registrasi"

urlpatterns: list = []
