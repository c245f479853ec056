// T1: the desk phones a user can add, by manufacturer and model. A small list in code: provisioning
// templates exist per model, so a phone outside it could not be set up anyway.
export interface PhoneManufacturer {
  id: string;
  name: string;
  models: { id: string; name: string }[];
}

export const phoneCatalogue: readonly PhoneManufacturer[] = [
  {
    id: 'yealink',
    name: 'Yealink',
    models: [
      { id: 't31g', name: 'T31G' },
      { id: 't33g', name: 'T33G' },
      { id: 't46u', name: 'T46U' },
      { id: 't54w', name: 'T54W' },
      { id: 't57w', name: 'T57W' },
    ],
  },
  {
    id: 'snom',
    name: 'Snom',
    models: [
      { id: 'd713', name: 'D713' },
      { id: 'd735', name: 'D735' },
      { id: 'd785', name: 'D785' },
      { id: 'd862', name: 'D862' },
    ],
  },
  {
    id: 'gigaset',
    name: 'Gigaset',
    models: [
      { id: 'maxwell-3', name: 'Maxwell 3' },
      { id: 'maxwell-4', name: 'Maxwell 4' },
      { id: 'n670-ip-pro', name: 'N670 IP PRO' },
    ],
  },
  {
    id: 'poly',
    name: 'Poly',
    models: [
      { id: 'vvx-250', name: 'VVX 250' },
      { id: 'vvx-450', name: 'VVX 450' },
      { id: 'edge-e220', name: 'Edge E220' },
      { id: 'edge-e350', name: 'Edge E350' },
    ],
  },
];

export const findManufacturer = (id: string) => phoneCatalogue.find((maker) => maker.id === id);

export const findModel = (manufacturerId: string, modelId: string) =>
  findManufacturer(manufacturerId)?.models.find((model) => model.id === modelId);

/** "Yealink T54W", as lists and the audit log name a phone. */
export function phoneName(manufacturerId: string, modelId: string): string {
  const maker = findManufacturer(manufacturerId);
  return `${maker?.name ?? manufacturerId} ${findModel(manufacturerId, modelId)?.name ?? modelId}`;
}
