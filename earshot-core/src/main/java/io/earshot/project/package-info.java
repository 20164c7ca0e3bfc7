/**
 * Projects: what a team listens for, as one unit — its brand's topics, its competitors' topics, and the other
 * topics it follows.
 *
 * <pre>{@code
 * Project acme = projects.create(new Project.Definition("Acme", List.of(brandTopic), List.of(rivalA, rivalB), List.of(industry)));
 * acme.brand();        // share of voice: these ...
 * acme.competitors();  // ... against these
 * acme.allTopics();    // the dashboard's scope
 * }</pre>
 *
 * <p>A topic plays one part in a project, but may belong to several projects (a competitor of one team is
 * the brand of another). Deleting a topic leaves the projects that named it with one topic fewer.
 */
package io.earshot.project;
