// Antarmuka Decap CMS dalam Bahasa Indonesia untuk redaksi KIM. Decap belum
// punya locale "id"; frasa yang tidak ada di sini tampil dalam bahasa Inggris.
CMS.registerLocale('id', {
  auth: {
    login: 'Masuk',
    loggingIn: 'Sedang masuk...',
    loginWithGitHub: 'Masuk dengan GitHub',
    errors: {
      email: 'Isi alamat email Anda.',
      password: 'Isi kata sandi Anda.'
    }
  },
  app: {
    header: { content: 'Isi', workflow: 'Alur kerja', media: 'Media', quickAdd: 'Tambah cepat' },
    app: {
      errorHeader: 'Konfigurasi editor tidak dapat dimuat',
      configErrors: 'Kesalahan konfigurasi',
      checkConfigYml: 'Periksa berkas config.yml.',
      loadingConfig: 'Memuat konfigurasi...',
      waitingBackend: 'Menunggu repositori...'
    },
    notFoundPage: { header: 'Tidak ditemukan' }
  },
  collection: {
    sidebar: { collections: 'Koleksi', allCollections: 'Semua koleksi', searchAll: 'Cari di semua', searchIn: 'Cari di' },
    collectionTop: {
      sortBy: 'Urutkan', viewAs: 'Tampilan', viewAsList: 'Daftar', viewAsGrid: 'Kisi',
      newButton: '＋ %{collectionLabel} baru',
      newButtonAriaLabel: 'Buat %{collectionLabel} baru',
      ascending: 'Naik', descending: 'Turun',
      searchResults: 'Hasil pencarian "%{searchTerm}"',
      searchResultsInCollection: 'Hasil pencarian "%{searchTerm}" di %{collection}',
      filterBy: 'Saring', groupBy: 'Kelompokkan'
    },
    entries: {
      loadingEntries: 'Memuat isi...', cachingEntries: 'Menyiapkan isi...',
      longerLoading: 'Ini bisa makan beberapa menit', noEntries: 'Belum ada isi',
      unpublishedHeader: 'Belum terbit'
    },
    groups: { other: 'Lainnya', negateLabel: 'Bukan %{label}' },
    defaultFields: { author: { label: 'Penulis' }, updatedOn: { label: 'Diubah' } }
  },
  editor: {
    editorControl: { field: { optional: 'tidak wajib', widgetLabel: 'isian %{widgetLabel}' } },
    editorControlPane: {
      widget: {
        required: '%{fieldLabel} wajib diisi.',
        regexPattern: '%{fieldLabel} tidak sesuai: %{pattern}.',
        processing: '%{fieldLabel} sedang diproses.',
        range: '%{fieldLabel} harus antara %{minValue} dan %{maxValue}.',
        min: '%{fieldLabel} paling kecil %{minValue}.',
        max: '%{fieldLabel} paling besar %{maxValue}.',
        rangeCount: '%{fieldLabel} harus berisi %{minCount} sampai %{maxCount} butir.',
        rangeCountExact: '%{fieldLabel} harus berisi tepat %{count} butir.',
        rangeMin: '%{fieldLabel} paling sedikit %{minCount} butir.',
        rangeMax: '%{fieldLabel} paling banyak %{maxCount} butir.',
        invalidPath: "'%{path}' bukan nama berkas yang benar",
        pathExists: "'%{path}' sudah ada"
      }
    },
    editor: {
      onLeavePage: 'Yakin meninggalkan halaman ini?',
      onUpdatingWithUnsavedChanges: 'Ada perubahan yang belum disimpan. Simpan dulu sebelum mengubah status.',
      onPublishingNotReady: 'Ubah status menjadi "Siap" sebelum menerbitkan.',
      onPublishingWithUnsavedChanges: 'Ada perubahan yang belum disimpan. Simpan dulu sebelum menerbitkan.',
      onPublishing: 'Yakin menerbitkan tulisan ini?',
      onUnpublishing: 'Yakin membatalkan terbitnya tulisan ini?',
      onDeleteWithUnsavedChanges: 'Yakin menghapus tulisan yang sudah terbit ini, beserta perubahan yang belum disimpan?',
      onDeletePublishedEntry: 'Yakin menghapus tulisan yang sudah terbit ini?',
      onDeleteUnpublishedChangesWithUnsavedChanges: 'Semua perubahan yang belum terbit dan belum disimpan akan dihapus. Lanjutkan?',
      onDeleteUnpublishedChanges: 'Semua perubahan yang belum terbit akan dihapus. Lanjutkan?',
      loadingEntry: 'Memuat tulisan...',
      confirmLoadBackup: 'Ada cadangan tulisan ini di peramban. Pakai cadangan itu?'
    },
    editorInterface: { togglePreview: 'Pratinjau', toggleScrollSync: 'Gulir bersama' },
    editorToolbar: {
      publishing: 'Menerbitkan...', publish: 'Terbitkan', published: 'Sudah terbit',
      unpublish: 'Batalkan terbit', duplicate: 'Gandakan', unpublishing: 'Membatalkan terbit...',
      publishAndCreateNew: 'Terbitkan lalu buat baru', publishAndDuplicate: 'Terbitkan lalu gandakan',
      deleteUnpublishedChanges: 'Hapus perubahan yang belum terbit',
      deleteUnpublishedEntry: 'Hapus tulisan yang belum terbit',
      deletePublishedEntry: 'Hapus tulisan yang sudah terbit', deleteEntry: 'Hapus tulisan',
      saving: 'Menyimpan...', save: 'Simpan',
      statusInfoTooltipDraft: 'Status tulisan masih draf. Untuk meminta pemeriksaan, ubah status menjadi "Diperiksa".',
      statusInfoTooltipInReview: 'Tulisan sedang diperiksa. Anda masih boleh mengubahnya.',
      deleting: 'Menghapus...', updating: 'Memperbarui...', status: 'Status: %{status}',
      backCollection: ' Menulis di %{collectionLabel}',
      unsavedChanges: 'Belum disimpan', changesSaved: 'Tersimpan',
      draft: 'Draf', inReview: 'Diperiksa', ready: 'Siap', publishNow: 'Terbitkan sekarang',
      deployPreviewPendingButtonLabel: 'Cek pratinjau', deployPreviewButtonLabel: 'Lihat pratinjau',
      deployButtonLabel: 'Lihat di situs'
    },
    editorWidgets: {
      markdown: {
        bold: 'Tebal', italic: 'Miring', strikethrough: 'Coret', code: 'Kode', link: 'Tautan',
        linkPrompt: 'Masukkan alamat tautan', headings: 'Judul bagian', quote: 'Kutipan',
        bulletedList: 'Daftar berbutir', numberedList: 'Daftar bernomor',
        addComponent: 'Tambah komponen', richText: 'Teks', markdown: 'Markdown',
        toggleMode: { rich: 'Ganti ke mode teks', markdown: 'Ganti ke mode markdown' }
      },
      image: {
        choose: 'Pilih foto', chooseMultiple: 'Pilih foto', chooseDifferent: 'Pilih foto lain',
        addMore: 'Tambah foto', remove: 'Hapus foto', removeAll: 'Hapus semua foto'
      },
      file: {
        choose: 'Pilih berkas', chooseMultiple: 'Pilih berkas', chooseDifferent: 'Pilih berkas lain',
        addMore: 'Tambah berkas', remove: 'Hapus berkas', removeAll: 'Hapus semua berkas'
      },
      list: { add: 'Tambah %{item}', addType: 'Tambah %{item}' },
      datetime: { now: 'Sekarang', clear: 'Kosongkan' }
    }
  },
  mediaLibrary: {
    mediaLibraryCard: { draft: 'Draf' },
    mediaLibrary: {
      onDelete: 'Yakin menghapus media ini?',
      fileTooLarge: 'Berkas terlalu besar.\nPaling besar %{size} kB.'
    },
    mediaLibraryModal: {
      loading: 'Memuat...', noResults: 'Tidak ada hasil.', noAssetsFound: 'Belum ada berkas.',
      noImagesFound: 'Belum ada foto.', images: 'Foto', mediaAssets: 'Media',
      search: 'Cari...', uploading: 'Mengunggah...', upload: 'Unggah',
      download: 'Unduh', deleting: 'Menghapus...', deleteSelected: 'Hapus pilihan',
      chooseSelected: 'Pakai pilihan'
    }
  },
  ui: {
    default: { goBackToSite: 'Kembali ke situs' },
    errorBoundary: {
      title: 'Terjadi kesalahan',
      details: 'Terjadi kesalahan. Salin keterangan ini dan kirim ke pengelola situs: ',
      reportIt: 'laporkan', detailsHeading: 'Keterangan', privacyWarning: 'Pastikan tidak ada data pribadi di laporan.',
      recoveredEntry: { heading: 'Tulisan yang terselamatkan', warning: 'Salin teks ini sebelum meninggalkan halaman!', copyButtonLabel: 'Salin' }
    },
    settingsDropdown: { logOut: 'Keluar' },
    toast: {
      onFailToLoadEntries: 'Gagal memuat isi: %{details}',
      onFailToLoadDeployPreview: 'Gagal memuat pratinjau: %{details}',
      onFailToPersist: 'Gagal menyimpan: %{details}',
      onFailToDelete: 'Gagal menghapus: %{details}',
      onFailToUpdateStatus: 'Gagal mengubah status: %{details}',
      missingRequiredField: 'Ada isian wajib yang belum diisi. Lengkapi dulu sebelum menyimpan.',
      entrySaved: 'Tulisan tersimpan',
      entryPublished: 'Tulisan terbit',
      entryUnpublished: 'Terbit dibatalkan',
      onFailToPublishEntry: 'Gagal menerbitkan: %{details}',
      onFailToUnpublishEntry: 'Gagal membatalkan terbit: %{details}',
      entryUpdated: 'Status tulisan diperbarui',
      onDeleteUnpublishedChanges: 'Perubahan yang belum terbit dihapus',
      onFailToAuth: '%{details}',
      onLoggedOut: 'Anda sudah keluar. Cadangkan data lalu muat ulang halaman.',
      onBackendDown: 'Layanan repositori sedang terganggu. Lihat %{details}'
    }
  },
  workflow: {
    workflow: {
      loading: 'Memuat alur kerja', workflowHeading: 'Alur kerja redaksi',
      newPost: 'Tulisan baru', description: '%{smart_count} tulisan menunggu diperiksa, %{readyCount} siap terbit. |||| %{smart_count} tulisan menunggu diperiksa, %{readyCount} siap terbit.',
      dateFormat: 'D MMMM'
    },
    workflowCard: {
      lastChange: '%{date} oleh %{author}', lastChangeNoAuthor: '%{date}', lastChangeNoDate: 'oleh %{author}',
      deleteChanges: 'Hapus perubahan', deleteNewEntry: 'Hapus tulisan baru', publishChanges: 'Terbitkan perubahan', publishNewEntry: 'Terbitkan tulisan baru'
    },
    workflowList: {
      onDeleteEntry: 'Yakin menghapus tulisan ini?', onPublishingNotReadyEntry: 'Hanya tulisan berstatus "Siap" yang bisa diterbitkan. Seret kartunya ke kolom "Siap".',
      onPublishEntry: 'Yakin menerbitkan tulisan ini?', draftHeader: 'Draf', inReviewHeader: 'Diperiksa',
      readyHeader: 'Siap', currentEntries: '%{smart_count} tulisan |||| %{smart_count} tulisan'
    }
  }
});
