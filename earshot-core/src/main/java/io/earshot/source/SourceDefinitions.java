package io.earshot.source;

import java.util.List;

/**
 * Sources added at run time (through the API), kept so that they run again after a restart. A definition
 * is the source's configuration as the user sent it (JSON with the same keys as {@code earshot.yml});
 * the application parses it.
 */
public interface SourceDefinitions {

    record Definition(String id, String json) {}

    /** All definitions, oldest first. */
    List<Definition> list();

    /** Adds a definition; false when one with this id exists already. */
    boolean add(String id, String json);

    /** Removes a definition; false when there was none. */
    boolean remove(String id);
}
