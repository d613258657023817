"""Views of the registrasi app, by audience: public pages, the applicant, the verifikator,
the active vendor and the officials' requests. Thin: permission, form, service, render."""
