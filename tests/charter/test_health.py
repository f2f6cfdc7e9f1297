"""/healthz answers while the process is up; /readyz names the dependency that is down."""

import pytest
from django.db import connection


def test_liveness_answers_without_touching_the_database(client):
    response = client.get("/healthz")

    assert (response.status_code, response.content) == (200, b"ok")


@pytest.mark.django_db
def test_readiness_answers_200_when_the_database_and_broker_answer(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.content.decode().splitlines() == ["database: ok", "broker: ok"]


@pytest.mark.django_db
def test_readiness_answers_503_naming_the_broker_when_it_is_unreachable(client, broker_down):
    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.content.decode().splitlines() == ["database: ok", "broker: down"]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_readiness_answers_503_naming_the_database_when_it_is_unreachable(client):
    port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"
    try:
        response = client.get("/readyz")
    finally:
        connection.close()
        connection.settings_dict["PORT"] = port

    assert response.status_code == 503
    assert response.content.decode().splitlines() == ["database: down", "broker: ok"]
