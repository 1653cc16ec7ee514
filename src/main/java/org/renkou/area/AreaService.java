package org.renkou.area;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.common.AreaScope;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.common.ValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tree of places: reading it, and adding or renaming areas (grids most of all). */
@Service
public class AreaService {
    private final JdbcClient jdbc;
    private final Messages messages;
    private final AccessService access;
    private final AuditService audit;

    AreaService(JdbcClient jdbc, Messages messages, AccessService access, AuditService audit) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.access = access;
        this.audit = audit;
    }

    public Optional<Area> find(String code) {
        return jdbc.sql("select * from area where code = ?").param(code).query(AreaService::map).optional();
    }

    public Area get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("area " + code));
    }

    /** Top-level areas (no parent). */
    public List<Area> roots() {
        return jdbc.sql("select * from area where parent_code is null order by code").query(AreaService::map).list();
    }

    public List<Area> children(String parentCode) {
        return jdbc.sql("select * from area where parent_code = ? order by code").param(parentCode)
                .query(AreaService::map).list();
    }

    /** The area and all its ancestors, top first (for breadcrumbs). */
    public List<Area> path(String code) {
        List<Area> path = new ArrayList<>();
        for (Optional<Area> a = find(code); a.isPresent(); a = Optional.ofNullable(a.get().parentCode()).flatMap(this::find)) {
            path.add(0, a.get());
        }
        return path;
    }

    /** Code → name of every area of a level, in code order (for pages that show names beside codes). */
    public java.util.Map<String, String> names(Area.Level level) {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        byLevel(level).forEach(a -> names.put(a.code(), a.name()));
        return names;
    }

    public List<Area> byLevel(Area.Level level) {
        return jdbc.sql("select * from area where level = ? order by code").param(level.name())
                .query(AreaService::map).list();
    }

    /**
     * The areas of a level the signed-in user may choose to narrow a list (their own, those inside them, and
     * those on the way to them, as a grid worker's village): the one source of the "villages I may see" lists.
     */
    public List<Area> visible(Area.Level level) {
        AreaScope scope = access.current().scope();
        return byLevel(level).stream().filter(a -> scope.coversArea(a.code())).toList();
    }

    /**
     * The areas of a level that lie wholly in the signed-in user's areas: those they may record something at
     * or read the figures of (a grid worker's village is not one of them).
     */
    public List<Area> inScope(Area.Level level) {
        AreaScope scope = access.current().scope();
        return byLevel(level).stream().filter(a -> scope.contains(a.code())).toList();
    }

    /** Whether {@code inner} lies in (or is) {@code outer}: codes nest by prefix. */
    public static boolean isInside(String inner, String outer) {
        return inner != null && outer != null && inner.startsWith(outer);
    }

    /** The areas under {@code parent} this scope may see (a cadre sees only the branches leading to theirs). */
    public List<Area> visibleChildren(String parentCode, AreaScope scope) {
        return children(parentCode).stream().filter(a -> scope.coversArea(a.code())).toList();
    }

    /** A branch of the tree. */
    public record Node(Area area, List<Node> children) {
    }

    /** The whole tree as far as this scope may see it (a few hundred areas per town: built in memory). */
    public List<Node> tree(AreaScope scope) {
        List<Area> all = jdbc.sql("select * from area order by code").query(AreaService::map).list();
        java.util.Map<String, List<Area>> byParent = new java.util.HashMap<>();
        all.forEach(a -> byParent.computeIfAbsent(a.parentCode() == null ? "" : a.parentCode(),
                k -> new ArrayList<>()).add(a));
        return branch("", byParent, scope);
    }

    private List<Node> branch(String parent, java.util.Map<String, List<Area>> byParent, AreaScope scope) {
        return byParent.getOrDefault(parent, List.of()).stream()
                .filter(a -> scope.coversArea(a.code()))
                .map(a -> new Node(a, branch(a.code(), byParent, scope))).toList();
    }

    @Transactional
    public Area create(Area area) {
        access.require(Permission.WRITE_REGISTER);
        List<FieldProblem> problems = validate(area);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        requireInScope(area.parentCode() == null ? area.code() : area.parentCode());
        jdbc.sql("insert into area (code, name, level, parent_code, kind, area_km2) values (?,?,?,?,?,?)")
                .params(area.code(), area.name().trim(), area.level().name(), area.parentCode(),
                        area.kind() == null ? null : area.kind().name(), area.areaKm2())
                .update();
        audit.record(AuditAction.CREATE, "area", area.code(), area.name());
        return get(area.code());
    }

    @Transactional
    public Area rename(String code, String name) {
        access.require(Permission.WRITE_REGISTER);
        Area area = get(code);
        requireInScope(code);
        if (name == null || name.isBlank()) {
            throw new ValidationException(List.of(messages.problem("name", "required")));
        }
        jdbc.sql("update area set name = ? where code = ?").params(name.trim(), code).update();
        audit.record(AuditAction.UPDATE, "area", code, "renamed " + area.name() + " -> " + name.trim());
        return get(code);
    }

    private void requireInScope(String code) {
        if (!access.current().scope().contains(code)) {
            throw new AccessDeniedException("area " + code + " is outside the user's areas");
        }
    }

    private List<FieldProblem> validate(Area a) {
        List<FieldProblem> problems = new ArrayList<>();
        if (a.name() == null || a.name().isBlank()) {
            problems.add(messages.problem("name", "required"));
        }
        if (a.level() == null) {
            problems.add(messages.problem("level", "required"));
            return problems;
        }
        if (a.code() == null || !a.code().matches("\\d{" + a.level().codeLength() + "}")) {
            problems.add(messages.problem("code", "areaCodeLength", a.level().codeLength()));
        } else if (find(a.code()).isPresent()) {
            problems.add(messages.problem("code", "taken"));
        }
        if (a.level() == Area.Level.VILLAGE && a.kind() == null) {
            problems.add(messages.problem("kind", "required"));
        }
        if (a.level() != Area.Level.VILLAGE && a.kind() != null) {
            problems.add(messages.problem("kind", "kindOnlyVillage"));
        }
        if (a.level() != Area.Level.COUNTY || a.parentCode() != null) {
            Optional<Area> parent = Optional.ofNullable(a.parentCode()).flatMap(this::find);
            if (parent.isEmpty()) {
                problems.add(messages.problem("parentCode", "areaUnknown", a.parentCode()));
            } else if (parent.get().level().child() != a.level()) {
                problems.add(messages.problem("parentCode", "parentLevel"));
            } else if (a.code() != null && !a.code().startsWith(parent.get().code())) {
                problems.add(messages.problem("code", "codePrefix", parent.get().code()));
            }
        }
        return problems;
    }

    private static Area map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        String kind = rs.getString("kind");
        return new Area(rs.getString("code"), rs.getString("name"), Area.Level.valueOf(rs.getString("level")),
                rs.getString("parent_code"), kind == null ? null : Area.Kind.valueOf(kind), rs.getBigDecimal("area_km2"));
    }
}
