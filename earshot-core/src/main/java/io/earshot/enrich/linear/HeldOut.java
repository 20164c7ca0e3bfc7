package io.earshot.enrich.linear;

/**
 * The rule that keeps one tenth of a labelled data set out of training, for an honest measure: an example
 * is held out when a 64-bit FNV-1a hash of its id (of its text when it has no id) is divisible by 10.
 * The rule depends on nothing but the example, so anyone can rebuild the split without the model, and
 * an example stays on its side however the file is reordered or grown.
 */
public final class HeldOut {

    private static final int PARTS = 10;

    private HeldOut() {}

    public static boolean contains(LabelledText example) {
        return part(example) == 0;
    }

    /** Which tenth (0..9) an example falls in; 0 is held out. */
    public static int part(LabelledText example) {
        String key = example.id().isEmpty() ? example.text() : example.id();
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return (int) Long.remainderUnsigned(h, PARTS);
    }
}
