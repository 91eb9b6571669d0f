package app.confidant.einvoice;

/** The tenant's seller details (in clear: only roles that see data in clear may read them) and their version. */
public record SellerResponse(SellerRequest seller, long version) {
}
