package org.renkou.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Which pairs are compared at all, so a million persons are not each compared with each other: only records
 * sharing a blocking key, namely the birth date (and sex: a pair of different sex shares a block below only when
 * it is alike enough to matter); the birth year and the name's pinyin (catches a date with day and month swapped
 * or a digit of the day or month off); the birth month and day and the pinyin (a digit of the year off); the ID
 * number without its check character; the household.
 * <p>
 * Keys are 64-bit hashes packed with the record's index into one {@code long} and sorted, so a block is a run of
 * equal keys: a million records take a few arrays of longs rather than millions of lists and strings. Two keys
 * colliding only puts a pair more in a block (the comparison decides).
 */
final class Blocking {
    /** A block this large says nothing (a placeholder date such as 1 January): its pairs are not compared. */
    static final int LARGEST_BLOCK = 2000;
    /** The kinds of key, in the order their blocks are compared (a pair sharing several is compared in the first). */
    private static final char[] KINDS = {'d', 'p', 'm', 'i', 'h'};
    /** No key of this kind (no ID number, no household). */
    private static final long NONE = -1;

    private final List<LinkRecord> records = new ArrayList<>();
    private final long[][] keys = new long[KINDS.length][];
    private int size;
    /** Per kind: the record indexes by key (packed, sorted), then per record whether its block is compared. */
    private long[][] sorted;
    private boolean[][] compared;

    void add(LinkRecord r) {
        if (sorted != null) {
            throw new IllegalStateException("blocks are sorted already");
        }
        if (size == capacity()) {
            for (int k = 0; k < KINDS.length; k++) {
                keys[k] = Arrays.copyOf(keys[k] == null ? new long[0] : keys[k], Math.max(1024, size * 2));
            }
        }
        records.add(r);
        for (int k = 0; k < KINDS.length; k++) {
            keys[k][size] = key(KINDS[k], r);
        }
        size++;
    }

    private int capacity() {
        return keys[0] == null ? 0 : keys[0].length;
    }

    /** The key of a record of this kind, NONE when it has none. */
    private static long key(char kind, LinkRecord r) {
        return switch (kind) {
            case 'd' -> mix(r.birthDate().toEpochDay());
            case 'p' -> r.pinyin().isEmpty() ? NONE : mix(hash(r.pinyin()) + r.birthDate().getYear());
            case 'm' -> r.pinyin().isEmpty() ? NONE
                    : mix(hash(r.pinyin()) * 31 + 10_000 + r.birthDate().getMonthValue() * 100 + r.birthDate().getDayOfMonth());
            case 'i' -> r.idFirst17() == null ? NONE : mix(hash(r.idFirst17()));
            case 'h' -> r.householdNo() == null ? NONE : mix(hash(r.householdNo()) + 7);
            default -> throw new IllegalArgumentException("no blocking key " + kind);
        };
    }

    /** Sorts every kind's keys once, after the last record was added. */
    private void sort() {
        if (sorted != null) {
            return;
        }
        int indexBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, size - 1)));
        sorted = new long[KINDS.length][];
        compared = new boolean[KINDS.length][size];
        for (int k = 0; k < KINDS.length; k++) {
            long[] packed = new long[size];
            int n = 0;
            for (int i = 0; i < size; i++) {
                if (keys[k][i] != NONE) {
                    // the key loses its lowest bits to the index; truncated here, so a record's kept key is its block's
                    keys[k][i] = keys[k][i] >>> indexBits;
                    packed[n++] = keys[k][i] << indexBits | i;
                }
            }
            long[] kind = Arrays.copyOf(packed, n);
            Arrays.parallelSort(kind);
            sorted[k] = kind;
            long mask = (1L << indexBits) - 1;
            boolean[] inCompared = compared[k];
            forEachBlock(kind, indexBits, (from, to) -> {
                if (to - from <= LARGEST_BLOCK) {
                    for (int j = from; j < to; j++) {
                        inCompared[(int) (kind[j] & mask)] = true;
                    }
                }
            });
        }
        this.indexBits = indexBits;
    }

    private int indexBits;

    private interface Block {
        void of(int from, int to);
    }

    /** Each run of equal keys in a sorted packed array, as [from, to). */
    private static void forEachBlock(long[] packed, int indexBits, Block block) {
        int from = 0;
        for (int j = 1; j <= packed.length; j++) {
            if (j == packed.length || packed[j] >>> indexBits != packed[from] >>> indexBits) {
                block.of(from, j);
                from = j;
            }
        }
    }

    /**
     * Every pair sharing a block once, at least one of the two in the area; answers how many pairs were compared.
     * A pair is compared in the first kind of block the two share (no set of pairs seen: at a million persons it
     * would hold tens of millions).
     */
    long forEachPair(Predicate<LinkRecord> inArea, BiConsumer<LinkRecord, LinkRecord> compare) {
        sort();
        boolean[] in = new boolean[size];
        for (int i = 0; i < size; i++) {
            in[i] = inArea.test(records.get(i));
        }
        long mask = (1L << indexBits) - 1;
        long[] count = {0};
        for (int k = 0; k < KINDS.length; k++) {
            int kind = k;
            long[] packed = sorted[k];
            forEachBlock(packed, indexBits, (from, to) -> {
                if (to - from < 2 || to - from > LARGEST_BLOCK) {
                    return;
                }
                for (int x = from; x < to; x++) {
                    int a = (int) (packed[x] & mask);
                    for (int y = x + 1; y < to; y++) {
                        int b = (int) (packed[y] & mask);
                        if ((in[a] || in[b]) && first(kind, a, b)) {
                            count[0]++;
                            compare.accept(records.get(a), records.get(b));
                        }
                    }
                }
            });
        }
        return count[0];
    }

    /** Whether kind k is the first kind whose compared block holds both; a birth date block pairs one sex only. */
    private boolean first(int k, int a, int b) {
        if (k == 0 && !Objects.equals(records.get(a).sex(), records.get(b).sex())) {
            return false;
        }
        for (int e = 0; e < k; e++) {
            if (keys[e][a] != NONE && keys[e][a] == keys[e][b] && compared[e][a]
                    && (e != 0 || Objects.equals(records.get(a).sex(), records.get(b).sex()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The pairs of the blocks of one kind of key ('d' birth date, 'p' birth year and pinyin, 'm' birth month and day
     * and pinyin, 'i' ID number without its check character, 'h' household), each block's pairs kept with the given
     * probability (EM needs a sample). A birth date block here holds both sexes.
     */
    void forEachPairOfKind(char kind, double keep, Random random, BiConsumer<LinkRecord, LinkRecord> pair) {
        sort();
        long[] packed = sorted[kindIndex(kind)];
        long mask = (1L << indexBits) - 1;
        forEachBlock(packed, indexBits, (from, to) -> {
            if (to - from < 2 || to - from > LARGEST_BLOCK) {
                return;
            }
            for (int x = from; x < to; x++) {
                for (int y = x + 1; y < to; y++) {
                    if (keep >= 1 || random.nextDouble() < keep) {
                        pair.accept(records.get((int) (packed[x] & mask)), records.get((int) (packed[y] & mask)));
                    }
                }
            }
        });
    }

    /** How many pairs the blocks of one kind of key hold. */
    long pairsOfKind(char kind) {
        sort();
        long[] n = {0};
        forEachBlock(sorted[kindIndex(kind)], indexBits, (from, to) -> {
            long s = to - from;
            if (s <= LARGEST_BLOCK) {
                n[0] += s * (s - 1) / 2;
            }
        });
        return n[0];
    }

    private static int kindIndex(char kind) {
        for (int k = 0; k < KINDS.length; k++) {
            if (KINDS[k] == kind) {
                return k;
            }
        }
        throw new IllegalArgumentException("no blocking key " + kind);
    }

    /** A 64-bit hash of a string (String.hashCode's 32 bits would collide among a million households). */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** Spreads a key over all 64 bits (splitmix64's finaliser), so truncating it keeps it apart from others. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}
