package org.renkou.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.renkou.people.Person;
import org.renkou.people.PersonCriteria;
import org.renkou.people.PersonService;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Files in the import format: the template, exports of a person list (which re-import as "all unchanged"),
 * and the report of rejected rows.
 */
@Component
class PersonFiles {
    private final PersonService persons;

    PersonFiles(PersonService persons) {
        this.persons = persons;
    }

    static boolean chinese() {
        return !"en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    void template(String format, OutputStream out) throws IOException {
        String[] example = {"430105198506011234", "张三", "1", "1985-06-01", "01", "20", "10020100001", "02",
                "430105100", "430105100201", "430105100201001", "REGISTERED", "13800000000", "捞刀河村1组1号", "", "",
                "", ""};
        example[0] = example[0].substring(0, 17) + org.renkou.common.IdNumber.checkChar(example[0].substring(0, 17));
        write(format, out, "persons", ImportColumns.header(chinese()), List.<String[]>of(example));
    }

    /** Collects the list first: exports are for lists a town holds (tens of thousands), not the county. */
    void export(PersonCriteria criteria, String format, OutputStream out) throws IOException {
        List<String[]> rows = new ArrayList<>();
        persons.export(criteria, p -> rows.add(row(p)));
        write(format, out, "persons", ImportColumns.header(chinese()), rows);
    }

    void households(String area, String format, OutputStream out) throws IOException {
        List<String[]> rows = new ArrayList<>();
        persons.exportHouseholds(area, h -> rows.add(new String[]{h.householdNo(), h.villageCode(), s(h.gridCode()),
                s(h.address()), s(h.headName()), String.valueOf(h.members())}));
        String[] header = chinese() ? new String[]{"户号", "村居代码", "网格代码", "住址", "户主", "人数"}
                : new String[]{"household_no", "village_code", "grid_code", "address", "head", "members"};
        write(format, out, "households", header, rows);
    }

    void errors(List<ImportError> errors, String format, OutputStream out) throws IOException {
        boolean zh = chinese();
        String[] header = zh ? new String[]{"行号", "列", "值", "原因"} : new String[]{"row", "column", "value", "reason"};
        write(format, out, zh ? "被拒绝的行" : "rejected rows", header, errors.stream()
                .map(e -> new String[]{String.valueOf(e.rowNo()), e.column(), e.value(), e.reason()}).toList());
    }

    private static void write(String format, OutputStream out, String sheet, String[] header, List<String[]> rows)
            throws IOException {
        if ("xlsx".equalsIgnoreCase(format)) {
            Spreadsheets.writeXlsx(out, sheet, header, rows);
        } else {
            org.renkou.common.Csv.write(out, header, rows);
        }
    }

    private static String[] row(Person p) {
        LocalDate moved = switch (p.status()) {
            case INFLOW, REGISTERED -> p.arrivedOn();
            case OUTFLOW, MOVED_AWAY -> p.leftOn();
            case DECEASED -> p.diedOn();
        };
        return new String[]{s(p.idNumber()), p.name(), p.sex(), s(p.birthDate()), s(p.ethnicity()),
                s(p.maritalStatus()), s(p.householdNo()), s(p.relation()), s(p.hukouCode()), p.villageCode(),
                s(p.gridCode()), p.status().name(), s(p.phone()), s(p.address()), s(moved), s(p.moveReason()),
                s(p.otherPlaceCode()), p.idNumberFlagged() ? "1" : ""};
    }

    private static String s(Object o) {
        return o == null ? "" : o.toString();
    }

}
