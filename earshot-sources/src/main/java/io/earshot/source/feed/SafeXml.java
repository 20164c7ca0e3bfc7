package io.earshot.source.feed;

import java.io.StringReader;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.SAXHandler;
import org.jdom2.input.sax.XMLReaderJDOMFactory;
import org.xml.sax.DTDHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DeclHandler;

/**
 * XML parsing that a hostile feed cannot turn against us. Real feeds still carry DOCTYPEs (RSS 0.91 points at
 * Netscape's DTD), so a DOCTYPE is allowed, but nothing in it is ever used:
 *
 * <ul>
 *   <li>no external DTD is loaded and no external entity is resolved, so {@code file:///etc/passwd} or an
 *       internal URL named in a feed is never read (the resolver hands the parser an empty document should it
 *       ever ask);
 *   <li>any entity declaration, internal or external, ends the parse before the entity can be used: every XML
 *       bomb (billion laughs, quadratic blowup, external entities) needs one, and no real feed does. The JDK's
 *       secure-processing limits stay on underneath as a second line;
 *   <li>elements nest at most {@link #MAX_DEPTH} deep, so a document of nested tags cannot exhaust the stack of
 *       whatever walks the tree afterwards.
 * </ul>
 *
 * The ROME feed parsers take a JDOM document, so {@link #builder()} is a JDOM builder over such a parser.
 */
final class SafeXml {

    static final String ENTITIES_REFUSED = "XML DOCTYPE declarations with entities are not allowed (possible XML bomb)";

    static final int MAX_DEPTH = 256;

    static final String TOO_DEEP = "XML elements nested more than " + MAX_DEPTH + " deep are not allowed";

    private static final String DECLARATION_HANDLER = "http://xml.org/sax/properties/declaration-handler";
    private static final String MAX_ELEMENT_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

    private SafeXml() {}

    /** A fresh builder (JDOM builders are not thread-safe): one per document. */
    static SAXBuilder builder() {
        SAXBuilder builder = new GuardedBuilder();
        builder.setExpandEntities(false);
        builder.setReuseParser(false);
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        return builder;
    }

    /**
     * Why a parse was refused, when it was one of our defences and not a plain syntax error: entities (ours, or
     * one of the JDK's entity limits, which can fire while a huge entity is still being declared) or depth.
     */
    static Optional<String> refusal(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof EntityDeclared
                    || cause instanceof SAXException sax && sax.getException() instanceof EntityDeclared) {
                return Optional.of(ENTITIES_REFUSED);
            }
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            if (message.contains("jdk.xml.maxElementDepth")) {
                return Optional.of(TOO_DEEP);
            }
            if (message.contains("jdk.xml.") && message.toLowerCase(Locale.ROOT).contains("entit")) {
                return Optional.of(ENTITIES_REFUSED);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    private static final class GuardedBuilder extends SAXBuilder {
        GuardedBuilder() {
            super(new HardenedReaders());
        }

        /** JDOM installs its own declaration handler here; ours goes in front of it, last, so it stays. */
        @Override
        protected void configureParser(XMLReader parser, SAXHandler handler) throws JDOMException {
            super.configureParser(parser, handler);
            try {
                parser.setProperty(DECLARATION_HANDLER, new EntityGuard(handler));
            } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
                throw new JDOMException("the XML parser cannot report entity declarations, so it is not used", e);
            }
            parser.setDTDHandler(new EntityGuard(handler));
        }
    }

    /** JDK parsers only (never one found on the class path), with everything external switched off. */
    private static final class HardenedReaders implements XMLReaderJDOMFactory {
        @Override
        public XMLReader createXMLReader() throws JDOMException {
            try {
                SAXParserFactory factory = SAXParserFactory.newDefaultNSInstance();
                factory.setValidating(false);
                factory.setXIncludeAware(false);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
                factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
                factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
                SAXParser parser = factory.newSAXParser();
                parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                parser.setProperty(MAX_ELEMENT_DEPTH, MAX_DEPTH);
                return parser.getXMLReader();
            } catch (ParserConfigurationException | SAXException e) {
                throw new JDOMException("the JDK's XML parser cannot be hardened: " + e.getMessage(), e);
            }
        }

        @Override
        public boolean isValidating() {
            return false;
        }
    }

    /** Thrown from inside the parser when a document declares an entity. */
    private static final class EntityDeclared extends SAXException {
        private static final long serialVersionUID = 1L;

        EntityDeclared() {
            super(ENTITIES_REFUSED);
        }
    }

    /** Refuses entity declarations; passes every other declaration on to JDOM. */
    private record EntityGuard(SAXHandler next) implements DeclHandler, DTDHandler {
        @Override
        public void internalEntityDecl(String name, String value) throws SAXException {
            throw new EntityDeclared();
        }

        @Override
        public void externalEntityDecl(String name, String publicId, String systemId) throws SAXException {
            throw new EntityDeclared();
        }

        @Override
        public void unparsedEntityDecl(String name, String publicId, String systemId, String notationName)
                throws SAXException {
            throw new EntityDeclared();
        }

        @Override
        public void elementDecl(String name, String model) throws SAXException {
            next.elementDecl(name, model);
        }

        @Override
        public void attributeDecl(String element, String attribute, String type, String mode, String value)
                throws SAXException {
            next.attributeDecl(element, attribute, type, mode, value);
        }

        @Override
        public void notationDecl(String name, String publicId, String systemId) throws SAXException {
            next.notationDecl(name, publicId, systemId);
        }
    }
}
