package io.forwardlog.internal.record;

/**
 * The field names one record has so far, so that no key is written twice: an open-addressing table of
 * the names themselves, emptied for the next record by moving to a new generation rather than by
 * clearing slots. Allocates nothing once it is large enough for a thread's records. One thread uses an
 * instance.
 */
final class FieldNames {

    private static final int FIRST_CAPACITY = 64;

    private String[] names = new String[FIRST_CAPACITY];
    private int[] generations = new int[FIRST_CAPACITY];
    private int generation = 1;
    private int size;

    /** Forgets every name: the next record starts empty. */
    void clear() {
        size = 0;
        if (++generation == 0) {
            // after 2^32 records, the old generations could come back: start the slots over
            java.util.Arrays.fill(generations, 0);
            generation = 1;
        }
    }

    /** Adds {@code name}; returns false when the record has it already. */
    boolean add(String name) {
        int mask = names.length - 1;
        int slot = spread(name.hashCode()) & mask;
        while (generations[slot] == generation) {
            String held = names[slot];
            if (held == name || held.equals(name)) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        names[slot] = name;
        generations[slot] = generation;
        if (++size * 2 > names.length) {
            grow();
        }
        return true;
    }

    /** Twice the slots, the current record's names moved over; kept for the thread's later records. */
    private void grow() {
        String[] oldNames = names;
        int[] oldGenerations = generations;
        names = new String[oldNames.length * 2];
        generations = new int[oldNames.length * 2];
        int mask = names.length - 1;
        for (int i = 0; i < oldNames.length; i++) {
            if (oldGenerations[i] == generation) {
                int slot = spread(oldNames[i].hashCode()) & mask;
                while (generations[slot] == generation) {
                    slot = (slot + 1) & mask;
                }
                names[slot] = oldNames[i];
                generations[slot] = generation;
            }
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
