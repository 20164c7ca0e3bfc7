package io.earshot.match;

class MonitorTopicMatcherTest extends TopicMatcherContract {
    @Override
    TopicMatcher newMatcher() {
        return new MonitorTopicMatcher();
    }
}
