-- people: verification rounds of the register (核查): how many persons staff found on the ground and how many of
-- them the register holds (coverage, 覆盖率), how many records they checked and found correct (accuracy, 准确率).
create table register_check_round (
    id              bigserial primary key,
    area_code       varchar(15) collate "C" not null,
    checked_on      date not null,
    found           int not null check (found > 0),
    in_register     int not null check (in_register between 0 and found),
    records_checked int not null check (records_checked > 0),
    records_correct int not null check (records_correct between 0 and records_checked),
    note            text,
    recorded_by     text not null
);
create index register_check_round_date on register_check_round (checked_on, area_code);

-- support: urban and rural amounts differ for the special assistance (a community counts as urban)
alter table allowance_programme add column urban_amount_fen bigint check (urban_amount_fen > 0);
update allowance_programme set urban_amount_fen = 64000 where code = 'SPECIAL_DIED';
update allowance_programme set urban_amount_fen = 50000 where code = 'SPECIAL_DISABLED';
alter table allowance_application add column urban boolean not null default false;
