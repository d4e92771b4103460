/// The behaviours that changed over time in Workers, chosen as Workers chooses them: by
/// `compatibility_date`, overridden by flags.
public struct RuleSet: Sendable, Equatable {
    /// `rpc_params_dup_stubs` (default from 2026-01-20): a caller keeps the stubs it passes;
    /// otherwise (`rpc_params_transfer_stubs`) they are disposed once the call is sent (§4.6).
    public var paramsDupStubs: Bool
    /// `enhanced_error_serialization` (default from 2026-04-21): errors keep their own
    /// properties across RPC; otherwise (`legacy_error_serialization`) only name and message (§7.2).
    public var enhancedErrors: Bool

    public static let paramsDupStubsDate = "2026-01-20"
    public static let enhancedErrorsDate = "2026-04-21"

    /// Today's rules.
    public static let current = RuleSet(paramsDupStubs: true, enhancedErrors: true)

    public init(paramsDupStubs: Bool, enhancedErrors: Bool) {
        self.paramsDupStubs = paramsDupStubs
        self.enhancedErrors = enhancedErrors
    }

    /// The rules of `compatibilityDate` (nil: today) with `flags` applied. ISO dates compare
    /// correctly as strings.
    public init(compatibilityDate: String?, flags: [String]) {
        let date = compatibilityDate ?? "9999-12-31"
        paramsDupStubs = date >= Self.paramsDupStubsDate
        enhancedErrors = date >= Self.enhancedErrorsDate
        for flag in flags {
            switch flag {
            case "rpc_params_dup_stubs": paramsDupStubs = true
            case "rpc_params_transfer_stubs": paramsDupStubs = false
            case "enhanced_error_serialization": enhancedErrors = true
            case "legacy_error_serialization": enhancedErrors = false
            default: break
            }
        }
    }
}
