"""Path parameters every router shares."""

from typing import Annotated

from ninja import Path

# Ids beyond PostgreSQL's integer are refused by validation, not by the database.
Id = Annotated[int, Path(ge=1, le=2_147_483_647)]
