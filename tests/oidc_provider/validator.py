from oauth2_provider.oauth2_validators import OAuth2Validator

# Members of this group have an email the provider vouches for; the others do not.
VERIFIED_GROUP = "email-verified"


class EmailClaims(OAuth2Validator):
    def get_additional_claims(self, request):
        user = request.user
        return {
            "email": user.email,
            "email_verified": user.groups.filter(name=VERIFIED_GROUP).exists(),
            "preferred_username": user.username,
            "name": user.get_full_name(),
        }
