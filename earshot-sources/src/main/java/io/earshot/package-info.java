/** placeholder */
package io.earshot.sources;
