package org.renkou.area;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * The names of places outside this town for codes people carry (hukou place, destination, a peer node): the
 * GB/T 2260 table of provinces, prefectures and counties ({@code places/gbt2260.csv}), and this node's own
 * area tree for longer codes. A code is named by its longest known prefix, so a town code of another county
 * still reads as that county.
 */
@Service
public class PlaceNames {
    /** Prefecture-level rows that are not a place name of their own (municipalities, directly governed counties). */
    private static final Set<String> NOT_A_NAME = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");

    private final Map<String, String> divisions;
    private final AreaService areas;

    PlaceNames(AreaService areas) {
        this.areas = areas;
        this.divisions = load();
    }

    /** The place's name, province first ("湖南省郴州市桂阳县"), or the code itself when nothing of it is known. */
    public String name(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String c = code.trim();
        String name = divisionName(c) + localName(c);
        return name.isEmpty() ? c : name;
    }

    private String divisionName(String code) {
        StringBuilder name = new StringBuilder();
        for (int length = 2; length <= Math.min(6, code.length()); length += 2) {
            String part = divisions.get(code.substring(0, length));
            if (part != null && !NOT_A_NAME.contains(part)) {
                name.append(part);
            }
        }
        return name.toString();
    }

    /** Below the county: this node's town, village and grid by the longest code that is in its tree. */
    private String localName(String code) {
        for (Area.Level level : new Area.Level[] {Area.Level.GRID, Area.Level.VILLAGE, Area.Level.TOWN}) {
            if (code.length() >= level.codeLength()) {
                List<Area> path = areas.path(code.substring(0, level.codeLength()));
                if (!path.isEmpty()) {
                    return path.stream().filter(a -> a.level() != Area.Level.COUNTY).map(Area::name)
                            .collect(Collectors.joining());
                }
            }
        }
        return "";
    }

    private static Map<String, String> load() {
        Map<String, String> m = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("places/gbt2260.csv").getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int comma = line.indexOf(',');
                if (!line.startsWith("#") && comma > 0 && Character.isDigit(line.charAt(0))) {
                    m.put(line.substring(0, comma), line.substring(comma + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
