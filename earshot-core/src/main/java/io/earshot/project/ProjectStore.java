package io.earshot.project;

import java.util.List;
import java.util.Optional;

/** Where projects live. Implementations run {@code ProjectStoreContract} from the testkit. */
public interface ProjectStore {

    /** Stores a new project (its definition is checked by {@link Project}'s constructor first). */
    Project create(Project.Definition definition);

    /** Replaces a project's parts; empty when there is no such project. */
    Optional<Project> update(long id, Project.Definition definition);

    boolean delete(long id);

    /** Every project, by id. */
    List<Project> list();

    Optional<Project> get(long id);
}
