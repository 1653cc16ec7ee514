package org.renkou.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Which pairs are compared at all, so a million persons are not each compared with each other: only records
 * sharing a blocking key, namely the birth date; the birth year and the name's pinyin (catches a date with day
 * and month swapped or a digit off); the ID number without its check character; the household.
 */
final class Blocking {
    /** A block this large says nothing (a placeholder date such as 1 January): its pairs are not compared. */
    static final int LARGEST_BLOCK = 2000;

    private final Map<String, List<LinkRecord>> blocks = new HashMap<>();

    void add(LinkRecord r) {
        block("d" + r.birthDate(), r);
        if (!r.pinyin().isEmpty()) {
            block("p" + r.birthDate().getYear() + r.pinyin().replace(" ", ""), r);
        }
        if (r.idFirst17() != null) {
            block("i" + r.idFirst17(), r);
        }
        if (r.householdNo() != null) {
            block("h" + r.householdNo(), r);
        }
    }

    private void block(String key, LinkRecord r) {
        blocks.computeIfAbsent(key, k -> new ArrayList<>(2)).add(r);
    }

    /**
     * Every pair sharing a block once, at least one of the two in the area; answers how many pairs were compared.
     */
    long forEachPair(Predicate<LinkRecord> inArea, BiConsumer<LinkRecord, LinkRecord> compare) {
        Set<Long> seen = new HashSet<>();
        long compared = 0;
        for (List<LinkRecord> block : blocks.values()) {
            if (block.size() < 2 || block.size() > LARGEST_BLOCK) {
                continue;
            }
            for (int i = 0; i < block.size(); i++) {
                LinkRecord a = block.get(i);
                boolean aInArea = inArea.test(a);
                for (int j = i + 1; j < block.size(); j++) {
                    LinkRecord b = block.get(j);
                    if ((aInArea || inArea.test(b)) && seen.add(key(a.id(), b.id()))) {
                        compared++;
                        compare.accept(a, b);
                    }
                }
            }
        }
        return compared;
    }

    /**
     * The pairs of the blocks of one kind of key ('d' birth date, 'p' birth year and pinyin, 'i' ID number without
     * its check character, 'h' household), each block's pairs kept with the given probability (EM needs a sample).
     */
    void forEachPairOfKind(char kind, double keep, java.util.Random random, BiConsumer<LinkRecord, LinkRecord> pair) {
        for (Map.Entry<String, List<LinkRecord>> e : blocks.entrySet()) {
            List<LinkRecord> block = e.getValue();
            if (e.getKey().charAt(0) != kind || block.size() < 2 || block.size() > LARGEST_BLOCK) {
                continue;
            }
            for (int i = 0; i < block.size(); i++) {
                for (int j = i + 1; j < block.size(); j++) {
                    if (keep >= 1 || random.nextDouble() < keep) {
                        pair.accept(block.get(i), block.get(j));
                    }
                }
            }
        }
    }

    /** How many pairs the blocks of one kind of key hold. */
    long pairsOfKind(char kind) {
        long n = 0;
        for (Map.Entry<String, List<LinkRecord>> e : blocks.entrySet()) {
            long size = e.getValue().size();
            if (e.getKey().charAt(0) == kind && size <= LARGEST_BLOCK) {
                n += size * (size - 1) / 2;
            }
        }
        return n;
    }

    private static long key(long a, long b) {
        return Math.min(a, b) << 32 | Math.max(a, b);
    }
}
