/// The use cases of CityDiplomacy, shared by the command-line tool and the web observatory.
///
/// Each use case takes typed parameters, asks the registry and the analysis libraries, and
/// returns a typed view model; the front ends only parse their input into those parameters and
/// render the view models (Markdown, CSV, JSON on the command line; HTML and JSON on the web).
public enum CityDiplomacyApplication {}
