-- outreach: who attended a training session and for how many hours. The attendee is named by the feature that
-- keeps them ("cadre:12"), so outreach knows nothing of who they are beyond the name shown.
create table training_attendance (
    training_id bigint not null references training_session (id),
    attendee    text not null,
    name        text not null,
    hours       int not null check (hours > 0),
    recorded_by text not null,
    primary key (training_id, attendee)
);
create index training_attendance_attendee on training_attendance (attendee);
