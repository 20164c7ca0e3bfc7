/** placeholder */
package io.earshot.server;
