/**
 * Configuration: {@code earshot.yml} ({@link io.earshot.server.config.ConfigFile}) with environment
 * variables for secrets ({@code ${NAME}}) and overrides ({@code EARSHOT_*}); see docs/configuration.md.
 */
package io.earshot.server.config;
