// office-addin-manifest is ESM-only and needs the network to validate; office-addin-mock imports it but the tests never use it.
module.exports = {};
