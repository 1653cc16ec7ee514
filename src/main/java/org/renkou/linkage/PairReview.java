package org.renkou.linkage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.renkou.area.PlaceNames;
import org.renkou.people.CodeTables;
import org.renkou.people.Household;
import org.renkou.people.Person;
import org.renkou.people.PersonChange;
import org.renkou.people.PersonMerges;
import org.renkou.people.PersonRecords;
import org.renkou.people.PersonService;
import org.renkou.people.PersonStatus;
import org.springframework.stereotype.Component;

/**
 * What the review screen shows of a pair: every field side by side in words (the ID number masked as the reader
 * must see it), each person's household, history and the records other features keep of them
 * ({@link PersonRecords}), the differences marked and which of them a merge lets the user choose.
 */
@Component
class PairReview {
    /** A field of both records: shown values, whether they differ, and whether a merge may take either. */
    record Row(String field, String left, String right, boolean differs, boolean choosable) {
    }

    /** One person's side: the record, its household (null if none), history and other features' records. */
    record Side(Person person, Household household, List<PersonChange> history, List<PersonRecords.Records> records) {
    }

    /** The records of one feature for both persons, side by side. */
    record RecordsPair(String title, PersonRecords.Records left, PersonRecords.Records right) {
    }

    record Review(LinkageRepository.Pair pair, List<String> reasons, Side left, Side right, List<Row> rows,
                  List<RecordsPair> records) {
    }

    private final LinkageService linkage;
    private final PersonService persons;
    private final CodeTables codes;
    private final PlaceNames places;
    private final org.renkou.common.Messages messages;
    private final List<PersonRecords> featureRecords;

    PairReview(LinkageService linkage, PersonService persons, CodeTables codes, PlaceNames places,
               org.renkou.common.Messages messages, List<PersonRecords> featureRecords) {
        this.messages = messages;
        this.linkage = linkage;
        this.persons = persons;
        this.codes = codes;
        this.places = places;
        this.featureRecords = featureRecords.stream().sorted(Comparator.comparingInt(PersonRecords::order)).toList();
    }

    Review of(long pairId) {
        LinkageRepository.Pair pair = linkage.pair(pairId);
        Side left = side(pair.leftId());
        Side right = side(pair.rightId());
        List<RecordsPair> records = new ArrayList<>();
        for (int i = 0; i < featureRecords.size(); i++) {
            records.add(new RecordsPair(left.records().get(i).title(), left.records().get(i), right.records().get(i)));
        }
        return new Review(pair, linkage.reasons(pair.reasons()), left, right,
                rows(left.person(), right.person(), pair.reasons()), records);
    }

    private Side side(long personId) {
        Person p = persons.get(personId);
        Household household = p.householdId() == null ? null : persons.household(p.householdId());
        return new Side(p, household, persons.history(personId),
                featureRecords.stream().map(r -> r.of(personId)).toList());
    }

    private List<Row> rows(Person a, Person b, List<String> reasons) {
        List<Row> rows = new ArrayList<>();
        // a masked number hides a difference within the area code: the comparison of the whole numbers tells it
        boolean sameId = reasons.contains("ID_NUMBER.EXACT") || (a.idNumber() == null && b.idNumber() == null);
        rows.add(row("idNumber", a.idNumber(), b.idNumber(), !sameId));
        add(rows, "name", a.name(), b.name());
        add(rows, "sex", codes.name(CodeTables.SEX, a.sex()), codes.name(CodeTables.SEX, b.sex()));
        add(rows, "birthDate", text(a.birthDate()), text(b.birthDate()));
        add(rows, "ethnicity", codes.name(CodeTables.ETHNICITY, a.ethnicity()), codes.name(CodeTables.ETHNICITY, b.ethnicity()));
        add(rows, "maritalStatus", codes.name(CodeTables.MARITAL, a.maritalStatus()), codes.name(CodeTables.MARITAL, b.maritalStatus()));
        add(rows, "education", codes.name(CodeTables.EDUCATION, a.education()), codes.name(CodeTables.EDUCATION, b.education()));
        add(rows, "householdNo", a.householdNo(), b.householdNo());
        add(rows, "relation", codes.name(CodeTables.RELATION, a.relation()), codes.name(CodeTables.RELATION, b.relation()));
        add(rows, "hukouCode", place(a.hukouCode()), place(b.hukouCode()));
        add(rows, "villageCode", place(a.villageCode()), place(b.villageCode()));
        add(rows, "gridCode", place(a.gridCode()), place(b.gridCode()));
        add(rows, "status", status(a.status()), status(b.status()));
        add(rows, "phone", a.phone(), b.phone());
        add(rows, "address", a.address(), b.address());
        return rows;
    }

    private static void add(List<Row> rows, String field, String left, String right) {
        rows.add(row(field, left, right, !Objects.equals(blankToNull(left), blankToNull(right))));
    }

    private static Row row(String field, String left, String right, boolean differs) {
        return new Row(field, left, right, differs, differs && PersonMerges.CHOOSABLE.containsKey(field));
    }

    private String place(String code) {
        return code == null || code.isBlank() ? null : places.name(code) + "（" + code + "）";
    }

    private String status(PersonStatus s) {
        return s == null ? null : messages.get("status." + s.name());
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
