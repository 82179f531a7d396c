/** Units, product groups and products (SOAP cArtikel) as the store keeps them. */
export interface SbUnit {
  id: number;
  singular: string;
  plural: string;
}
export interface SbProductGroup {
  id: number;
  code: string;
  description: string;
}
export interface SbProduct {
  id: number;
  code: string;
  description: string;
  /** 0 = no unit. */
  unitId: number;
  active: boolean;
  groupId: number;
  purchasePriceExcl: number;
  priceExcl: number;
  priceIncl: number;
  /** A VAT code. */
  vat: string;
  ledgerId: number;
  costCenterId: number;
}
