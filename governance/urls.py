from django.urls import path

from .board import views as board
from .meetings import views as meetings
from .meetings import views_governance as meeting_governance
from .notifications import views as notifications
from .outside_reviewers import views as outside
from .reviews import views as review
from .reviews import views_export as exports

app_name = "governance"

# Mounted under /w/<workspace>/governance/.
urlpatterns = [
    path("board/", board.board, name="board"),
    path("board/settings/", board.board_settings, name="board-settings"),
    path("board/seats/invite/", board.seat_invite, name="seat-invite"),
    path("board/seats/<int:boardseat_pk>/", board.seat_edit, name="seat-edit"),
    path("board/seats/<int:boardseat_pk>/move/", board.seat_move, name="seat-move"),
    path("versions/<int:charterversion_pk>/review/", review.review, name="review"),
    path("versions/<int:charterversion_pk>/vote/", review.review_vote, name="review-vote"),
    path("versions/<int:charterversion_pk>/comment/", review.review_comment, name="review-comment"),
    path(
        "reviews/<int:review_pk>/votes.csv",
        exports.votes_export,
        {"file_format": "csv"},
        name="votes-csv",
    ),
    path(
        "reviews/<int:review_pk>/votes.xlsx",
        exports.votes_export,
        {"file_format": "xlsx"},
        name="votes-xlsx",
    ),
    path("reviewers/", outside.reviewers, name="reviewers"),
    path(
        "reviewers/<int:outsidereviewer_pk>/revoke/",
        outside.reviewer_revoke,
        name="reviewer-revoke",
    ),
    path("meetings/", meetings.meetings, name="meetings"),
    path("meetings/new/", meetings.meeting_create, name="meeting-create"),
    path("meetings/<int:meeting_pk>/", meetings.meeting, name="meeting"),
    path("meetings/<int:meeting_pk>/edit/", meetings.meeting_edit, name="meeting-edit"),
    path("meetings/<int:meeting_pk>/minutes/", meetings.meeting_minutes, name="meeting-minutes"),
    path(
        "meetings/<int:meeting_pk>/minutes/circulate/",
        meeting_governance.minutes_circulate,
        name="minutes-circulate",
    ),
    path(
        "meetings/<int:meeting_pk>/minutes/answer/",
        meeting_governance.minutes_answer,
        name="minutes-answer",
    ),
    path(
        "meetings/<int:meeting_pk>/minutes.pdf", meeting_governance.minutes_pdf, name="minutes-pdf"
    ),
    path(
        "meetings/<int:meeting_pk>/resolutions/",
        meeting_governance.resolution_add,
        name="resolution-add",
    ),
    path(
        "meetings/<int:meeting_pk>/schedule/",
        meeting_governance.meeting_confirm,
        name="meeting-confirm",
    ),
    path(
        "meetings/<int:meeting_pk>/cancel/",
        meeting_governance.meeting_cancel,
        name="meeting-cancel",
    ),
    path("calendar/rotate/", meeting_governance.calendar_rotate, name="calendar-rotate"),
    path("calendar/revoke/", meeting_governance.calendar_revoke, name="calendar-revoke"),
    path("calendar/<str:token>.ics", meeting_governance.calendar_feed, name="calendar-feed"),
    path("meetings/<int:meeting_pk>/agenda/", meetings.agenda_add, name="agenda-add"),
    path("meetings/<int:meeting_pk>/decisions/", meetings.decision_add, name="decision-add"),
    path("meetings/<int:meeting_pk>/actions/", meetings.action_add, name="action-add"),
    path("agenda/<int:agendaitem_pk>/", meetings.agenda_edit, name="agenda-edit"),
    path("agenda/<int:agendaitem_pk>/move/", meetings.agenda_move, name="agenda-move"),
    path("agenda/<int:agendaitem_pk>/remove/", meetings.agenda_remove, name="agenda-remove"),
    path(
        "decisions/<int:meetingdecision_pk>/remove/",
        meetings.decision_remove,
        name="decision-remove",
    ),
    path("actions/<int:actionitem_pk>/", meetings.action_edit, name="action-edit"),
    path("notifications/", notifications.notification_settings, name="notifications"),
    path(
        "notifications/preference/", notifications.preference_save, name="notification-preference"
    ),
    path("notifications/webhooks/", notifications.endpoint_add, name="webhook-add"),
    path(
        "notifications/webhooks/<int:webhookendpoint_pk>/test/",
        notifications.endpoint_test,
        name="webhook-test",
    ),
    path(
        "notifications/webhooks/<int:webhookendpoint_pk>/secret/",
        notifications.endpoint_new_secret,
        name="webhook-new-secret",
    ),
    path(
        "notifications/webhooks/<int:webhookendpoint_pk>/toggle/",
        notifications.endpoint_toggle,
        name="webhook-toggle",
    ),
    path(
        "notifications/deliveries/<int:webhookdelivery_pk>/replay/",
        notifications.delivery_replay,
        name="webhook-replay",
    ),
]
