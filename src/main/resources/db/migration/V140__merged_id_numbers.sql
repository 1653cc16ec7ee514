-- a merged record's ID number keeps finding the record it was merged into (the person list's number search)
create index person_merged_id_number on person (id_number) where merged_into is not null;
