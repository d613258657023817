"""Pages of the Unit Administrasi Sistem Elektronik, split by topic. Thin: permission, form,
service, render."""
