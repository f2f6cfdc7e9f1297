"""A small OpenID Connect provider (django-oauth-toolkit) that the SSO tests run in a second
process, so that the log-in goes through a real authorization server over HTTP."""
