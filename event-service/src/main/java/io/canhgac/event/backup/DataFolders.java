package io.canhgac.event.backup;

import java.nio.file.Path;

/**
 * Where a server keeps what a backup must hold, as the default configuration lays it out under one
 * data folder: the embedded database ({@code canhgac.database.embedded.data-dir}), the media store
 * ({@code canhgac.media.dir}) and the camera passwords' key ({@code canhgac.credentials.key-file},
 * without which the registry's passwords cannot be read).
 */
record DataFolders(Path postgres, Path media, Path credentialsKey) {

    static final String POSTGRES = "postgres";
    static final String MEDIA = "media";
    static final String CREDENTIALS_KEY = "credentials.key";

    static DataFolders under(Path data) {
        Path root = data.toAbsolutePath().normalize();
        return new DataFolders(root.resolve(POSTGRES), root.resolve(MEDIA), root.resolve(CREDENTIALS_KEY));
    }
}
