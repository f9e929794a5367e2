import Testing
@testable import CityDiplomacyApplication
