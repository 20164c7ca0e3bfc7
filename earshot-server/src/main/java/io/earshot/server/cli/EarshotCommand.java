package io.earshot.server.cli;

public final class EarshotCommand {
    public static void main(String[] args) {}
}
