package org.renkou.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.Dates;
import org.renkou.common.FieldProblem;
import org.renkou.common.IdNumber;
import org.renkou.common.Messages;
import org.renkou.common.TextLimits;
import org.springframework.stereotype.Component;

/** The rules a person record must keep; each broken rule names its field. */
@Component
class PersonValidator {
    private final CodeTables codes;
    private final AreaService areas;
    private final Messages messages;

    PersonValidator(CodeTables codes, AreaService areas, Messages messages) {
        this.codes = codes;
        this.areas = areas;
        this.messages = messages;
    }

    /** The outcome: problems, the normalised ID number and whether it is kept flagged (confirmed as printed). */
    record Result(List<FieldProblem> problems, String idNumber, boolean idNumberFlagged) {
    }

    private static final Pattern HOUSEHOLD_NO = Pattern.compile("[0-9A-Za-z-]{1,30}");
    private static final Pattern PLACE_CODE = Pattern.compile("\\d{6,12}");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");

    Result validate(PersonForm f) {
        return validate(f, areas::find);
    }

    /** The same rules with areas looked up by the caller (an import looks each one up once, not per row). */
    Result validate(PersonForm f, Function<String, Optional<Area>> areaLookup) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = Dates.today();
        if (blank(f.name())) {
            problems.add(messages.problem("name", "required"));
        } else {
            TextLimits.check(messages, problems, "name", f.name().trim(), TextLimits.NAME);
        }
        TextLimits.check(messages, problems, "address", f.address(), TextLimits.ADDRESS);
        TextLimits.check(messages, problems, "moveReason", f.moveReason(), TextLimits.SHORT_TEXT);
        if (blank(f.sex())) {
            problems.add(messages.problem("sex", "required"));
        } else if (!codes.exists(CodeTables.SEX, f.sex())) {
            problems.add(messages.problem("sex", "code", f.sex()));
        }
        if (f.birthDate() == null) {
            problems.add(messages.problem("birthDate", "required"));
        } else if (f.birthDate().isAfter(today)) {
            problems.add(messages.problem("birthDate", "notFuture"));
        } else if (f.birthDate().getYear() < 1880) {
            problems.add(messages.problem("birthDate", "tooOld"));
        }
        String id = null;
        boolean flagged = false;
        if (!blank(f.idNumber())) {
            IdNumber.Parsed parsed = IdNumber.parse(f.idNumber());
            id = parsed.normalized();
            flagged = checkIdNumber(parsed, f, problems);
        }
        checkCode("ethnicity", CodeTables.ETHNICITY, f.ethnicity(), problems);
        checkCode("maritalStatus", CodeTables.MARITAL, f.maritalStatus(), problems);
        checkCode("education", CodeTables.EDUCATION, f.education(), problems);
        checkCode("relation", CodeTables.RELATION, f.relation(), problems);
        if (!blank(f.householdNo()) && !HOUSEHOLD_NO.matcher(f.householdNo().trim()).matches()) {
            problems.add(messages.problem("householdNo", "householdNo"));
        }
        if (!blank(f.householdNo()) && blank(f.relation())) {
            problems.add(messages.problem("relation", "required"));
        }
        if (!blank(f.hukouCode()) && !PLACE_CODE.matcher(f.hukouCode().trim()).matches()) {
            problems.add(messages.problem("hukouCode", "hukouCode"));
        }
        if (!blank(f.otherPlaceCode()) && !PLACE_CODE.matcher(f.otherPlaceCode().trim()).matches()) {
            problems.add(messages.problem("otherPlaceCode", "hukouCode"));
        }
        checkPlace(f, areaLookup, problems);
        checkStatus(f, today, problems);
        if (!blank(f.phone()) && !PHONE.matcher(f.phone().trim()).matches()) {
            problems.add(messages.problem("phone", "phone"));
        }
        return new Result(problems, id, flagged);
    }

    /** GB 11643: format, date, check character, and agreement with the record's birth date and sex. */
    private boolean checkIdNumber(IdNumber.Parsed parsed, PersonForm f, List<FieldProblem> problems) {
        boolean flagged = false;
        if (parsed.problem().isPresent()) {
            switch (parsed.problem().get()) {
                case FORMAT -> problems.add(messages.problem("idNumber", "idNumber.format"));
                case BIRTH_DATE -> problems.add(messages.problem("idNumber", "idNumber.date"));
                case BAD_CHECK -> {
                    if (f.confirmed()) {
                        flagged = true;
                    } else {
                        problems.add(messages.problem("idNumber", "idNumber.check",
                                IdNumber.checkChar(parsed.normalized().substring(0, 17))));
                    }
                }
            }
            if (!flagged) {
                return false;
            }
        }
        IdNumber id = new IdNumber(parsed.normalized());
        if (f.birthDate() != null && !id.birthDate().equals(f.birthDate())) {
            problems.add(messages.problem("idNumber", "idNumber.birthDate", id.birthDate()));
        }
        if (("1".equals(f.sex()) || "2".equals(f.sex())) && !id.sexCode().equals(f.sex())) {
            problems.add(messages.problem("idNumber", "idNumber.sex", codes.name(CodeTables.SEX, id.sexCode())));
        }
        return flagged;
    }

    private void checkPlace(PersonForm f, Function<String, Optional<Area>> areaLookup, List<FieldProblem> problems) {
        if (blank(f.villageCode())) {
            problems.add(messages.problem("villageCode", "required"));
            return;
        }
        Optional<Area> village = areaLookup.apply(f.villageCode().trim());
        if (village.isEmpty() || village.get().level() != Area.Level.VILLAGE) {
            problems.add(messages.problem("villageCode", "areaUnknown", f.villageCode()));
            return;
        }
        if (!blank(f.gridCode())) {
            Optional<Area> grid = areaLookup.apply(f.gridCode().trim());
            if (grid.isEmpty() || grid.get().level() != Area.Level.GRID) {
                problems.add(messages.problem("gridCode", "areaUnknown", f.gridCode()));
            } else if (!f.villageCode().trim().equals(grid.get().parentCode())) {
                problems.add(messages.problem("gridCode", "gridOutsideVillage"));
            }
        }
    }

    private void checkStatus(PersonForm f, LocalDate today, List<FieldProblem> problems) {
        if (f.status() == null) {
            problems.add(messages.problem("status", "required"));
            return;
        }
        if (f.status() == PersonStatus.DECEASED && f.diedOn() == null) {
            problems.add(messages.problem("diedOn", "required"));
        }
        checkDate("arrivedOn", f.arrivedOn(), f.birthDate(), today, problems);
        checkDate("leftOn", f.leftOn(), f.birthDate(), today, problems);
        checkDate("diedOn", f.diedOn(), f.birthDate(), today, problems);
    }

    private void checkDate(String field, LocalDate d, LocalDate birth, LocalDate today, List<FieldProblem> problems) {
        if (d == null) {
            return;
        }
        if (d.isAfter(today)) {
            problems.add(messages.problem(field, "notFuture"));
        } else if (birth != null && d.isBefore(birth)) {
            problems.add(messages.problem(field, "beforeBirth"));
        }
    }

    private void checkCode(String field, String kind, String value, List<FieldProblem> problems) {
        if (!blank(value) && !codes.exists(kind, value.trim())) {
            problems.add(messages.problem(field, "code", value));
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
