app_name = "sistem"

urlpatterns: list = []
