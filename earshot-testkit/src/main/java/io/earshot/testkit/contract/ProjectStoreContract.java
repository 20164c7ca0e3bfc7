package io.earshot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.project.Project;
import io.earshot.project.ProjectStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link ProjectStore}. Extend it and implement {@link #open}. */
public abstract class ProjectStoreContract extends StoreContract<ProjectStore> {

    private static Project.Definition acme() {
        return new Project.Definition("Acme ü", List.of(1L, 2L), List.of(3L, 4L), List.of(5L));
    }

    @Test
    void projectsKeepTheirPartsInOrderAndSurviveReopen() throws Exception {
        Project created = store().create(acme());
        assertThat(created.brand()).containsExactly(1L, 2L);
        assertThat(created.competitors()).containsExactly(3L, 4L);
        assertThat(created.others()).containsExactly(5L);
        assertThat(created.allTopics()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(reopen().get(created.id())).contains(created);
        assertThat(store().list()).containsExactly(created);
    }

    @Test
    void aProjectMayHaveNoCompetitorsOrOthers() {
        Project solo = store().create(new Project.Definition("Solo", List.of(9L), List.of(), List.of()));
        assertThat(store().get(solo.id()).orElseThrow().competitors()).isEmpty();
    }

    @Test
    void updateAndDeleteSayWhetherTheProjectExisted() {
        Project created = store().create(acme());
        assertThat(store().update(created.id(), new Project.Definition("Acme 2", List.of(7L), List.of(8L), List.of())))
                .hasValueSatisfying(updated -> {
                    assertThat(updated.name()).isEqualTo("Acme 2");
                    assertThat(updated.brand()).containsExactly(7L);
                    assertThat(updated.createdAt()).isEqualTo(created.createdAt());
                });
        assertThat(store().update(999, acme())).isEmpty();
        assertThat(store().delete(created.id())).isTrue();
        assertThat(store().delete(created.id())).isFalse();
        assertThat(store().list()).isEmpty();
    }

    @Test
    void anInvalidProjectIsRefusedBeforeAnythingIsStored() {
        assertThatThrownBy(() -> store().create(new Project.Definition("x", List.of(), List.of(1L), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one brand topic");
        assertThatThrownBy(() -> store().create(new Project.Definition("x", List.of(1L), List.of(1L), List.of())))
                .hasMessageContaining("topic 1 is named twice");
        assertThat(store().list()).isEmpty();
    }
}
