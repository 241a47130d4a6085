import embeddableAssets from './embeddable-assets';

export default { 'embeddable-assets': embeddableAssets };
