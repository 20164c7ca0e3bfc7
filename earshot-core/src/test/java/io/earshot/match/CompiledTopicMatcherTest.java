package io.earshot.match;

class CompiledTopicMatcherTest extends TopicMatcherContract {
    @Override
    TopicMatcher newMatcher() {
        return new CompiledTopicMatcher();
    }
}
