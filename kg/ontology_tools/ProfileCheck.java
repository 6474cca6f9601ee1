import java.io.File;
import java.util.Set;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.io.RDFOntologyFormat;
import org.semanticweb.owlapi.io.RDFParserMetaData;
import org.semanticweb.owlapi.io.RDFTriple;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyFormat;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;

/**
 * Loads an ontology file with the OWL API (the library Protégé reads ontologies with)
 * and prints, one per line, every OWL 2 DL profile violation and every RDF triple the
 * parser could not turn into an axiom. Output lines start with a tag:
 * FORMAT, AXIOMS, LOGICAL, VIOLATION, UNPARSED. Exit 0 when loading worked.
 */
public class ProfileCheck {
    public static void main(String[] args) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntologyLoaderConfiguration config = new OWLOntologyLoaderConfiguration().setStrict(false);
        OWLOntology ontology = manager.loadOntologyFromOntologyDocument(
            new FileDocumentSource(new File(args[0])), config);
        OWLOntologyFormat format = manager.getOntologyFormat(ontology);
        System.out.println("FORMAT\t" + format);
        System.out.println("AXIOMS\t" + ontology.getAxiomCount());
        System.out.println("LOGICAL\t" + ontology.getLogicalAxiomCount());
        OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
        for (OWLProfileViolation violation : report.getViolations()) {
            System.out.println("VIOLATION\t" + violation.toString().replace('\n', ' '));
        }
        if (format instanceof RDFOntologyFormat) {
            Object meta = ((RDFOntologyFormat) format).getOntologyLoaderMetaData();
            if (meta instanceof RDFParserMetaData) {
                Set<RDFTriple> unparsed = ((RDFParserMetaData) meta).getUnparsedTriples();
                for (RDFTriple triple : unparsed) {
                    System.out.println("UNPARSED\t" + triple);
                }
            }
        }
    }
}
