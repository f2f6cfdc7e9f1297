# The bare phase number goes once the roadmap's migration has turned it into a link
# (roadmap 0003 runs before this one when the roadmap is installed).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("charter", "0017_audience_served_from_phase"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="audience",
            name="phase",
        ),
    ]
