/**
 * Test support shared by every module: {@link io.earshot.testkit.Fixtures} (the real payloads in
 * {@code ../shared}), contract suites that every implementation of a storage port runs, and fake network
 * servers on 127.0.0.1 that speak the networks' real protocols.
 */
package io.earshot.testkit;
