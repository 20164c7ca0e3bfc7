package io.earshot.influence;

import io.earshot.domain.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Numbers the accounts of a graph 0, 1, 2… so that scores live in primitive arrays: a million accounts cost a
 * few megabytes, not a map of objects each.
 */
final class Accounts {

    private final List<Map<String, Integer>> numbers = java.util.stream.Stream.of(Network.values())
            .map(network -> (Map<String, Integer>) new HashMap<String, Integer>())
            .toList();
    private final List<String> ids = new ArrayList<>();
    private byte[] networks = new byte[1024];

    int number(Network network, String id) {
        Map<String, Integer> ofNetwork = numbers.get(network.ordinal());
        Integer known = ofNetwork.get(id);
        if (known != null) {
            return known;
        }
        int number = ids.size();
        ofNetwork.put(id, number);
        ids.add(id);
        if (number == networks.length) {
            networks = Arrays.copyOf(networks, networks.length * 2);
        }
        networks[number] = (byte) network.ordinal();
        return number;
    }

    OptionalInt find(Network network, String id) {
        Integer known = numbers.get(network.ordinal()).get(id);
        return known == null ? OptionalInt.empty() : OptionalInt.of(known);
    }

    String id(int number) {
        return ids.get(number);
    }

    Network network(int number) {
        return Network.values()[networks[number]];
    }

    int size() {
        return ids.size();
    }
}
