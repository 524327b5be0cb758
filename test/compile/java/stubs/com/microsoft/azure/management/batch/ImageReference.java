package com.microsoft.azure.management.batch;

/** Stub: written from the documented API of Azure/azure-libraries-for-java azure-mgmt-batch (no runElevated anywhere). */
public final class ImageReference {
    private String publisher;
    private String offer;
    private String sku;
    private String version;

    public ImageReference withPublisher(String publisher) {
        this.publisher = publisher;
        return this;
    }

    public String publisher() { return publisher; }

    public ImageReference withOffer(String offer) {
        this.offer = offer;
        return this;
    }

    public String offer() { return offer; }

    public ImageReference withSku(String sku) {
        this.sku = sku;
        return this;
    }

    public String sku() { return sku; }

    public ImageReference withVersion(String version) {
        this.version = version;
        return this;
    }

    public String version() { return version; }
}
