app_name = "layanan"

urlpatterns: list = []
