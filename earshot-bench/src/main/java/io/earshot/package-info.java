/** placeholder */
package io.earshot.bench;
